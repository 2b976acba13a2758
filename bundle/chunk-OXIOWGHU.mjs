import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
function f(o){let e=0,n=0;for(let l of o.lines)l.eol===`\r
`?e++:l.eol===`
`&&n++;return e>n?`\r
`:`
`}export{f as a};
