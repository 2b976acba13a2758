import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
function o(n,t){for(let e of t)n.push(e);return n}function u(n,t=-1/0){let e=t,r=!1;for(let f of n)(!r||f>e)&&(e=f),r=!0;return e}export{o as a,u as b};
