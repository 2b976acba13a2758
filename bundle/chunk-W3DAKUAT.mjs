import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import"./chunk-GNRD5D6C.mjs";function r(o){let e=[];for(let t of o.files)for(let n of t.findings)e.push(`${t.path}:${n.line}:${n.column}: ${n.severity}: ${n.message.replace(/\r?\n/g," ")} [${n.ruleId}]`);return e.length>0?`${e.join(`
`)}
`:""}export{r as unix};
