import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
function u(r){if(r===void 0)return;let n=/^(\d+)(us|ms|s|m|h|d)?$/.exec(r.trim());if(!n)return;let e=Number(n[1]);switch(n[2]){case"us":return e/1e3;case void 0:case"ms":return e;case"s":return e*1e3;case"m":return e*6e4;case"h":return e*36e5;case"d":return e*864e5}}export{u as a};
