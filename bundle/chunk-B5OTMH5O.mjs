import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
function l(n,e){if(Array.isArray(e))for(let r=0;r<e.length;r++)n.push(e[r]);else for(let r of e)n.push(r);return n}function t(n,e=-1/0){let r=e,f=!1;for(let o of n)(!f||o>r)&&(r=o),f=!0;return r}export{l as a,t as b};
