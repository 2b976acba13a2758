import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
function i(n){return n.replace(/%/g,"%25").replace(/\r/g,"%0D").replace(/\n/g,"%0A")}function o(n){return i(n).replace(/:/g,"%3A").replace(/,/g,"%2C")}var p={error:"error",warning:"warning",info:"notice"};function c(n){let r=[];for(let t of n.files)for(let e of t.findings){let s=[`file=${o(t.path)}`,`line=${e.line}`,`col=${e.column}`,`endLine=${e.endLine}`,`endColumn=${e.endColumn}`,`title=${o(e.ruleId)}`];r.push(`::${p[e.severity]} ${s.join(",")}::${i(`${e.message} [${e.ruleId}]`)}`)}return r.length>0?`${r.join(`
`)}
`:""}export{i as a,o as b,c};
