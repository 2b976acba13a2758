import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a as l,b as u}from"./chunk-5UAQYKQZ.mjs";import{c as d}from"./chunk-3CLXMXJH.mjs";import"./chunk-UQSPC3PE.mjs";import{c}from"./chunk-CSJA67TF.mjs";import"./chunk-GNRD5D6C.mjs";import{pathToFileURL as f}from"node:url";import{relative as y,sep as n}from"node:path";var m={error:"error",warning:"warning",info:"note"};function x(t,e){if(t.absPath===""||t.path==="<stdin>")return{uri:"stdin"};let r=y(e,t.absPath);return r&&!r.startsWith("..")&&!r.startsWith(n)?{uri:r.split(n).map(encodeURIComponent).join("/"),uriBaseId:"%SRCROOT%"}:{uri:f(t.absPath).href}}function g(t){let e=t.docs.fixSafety?`

Fix: ${t.docs.fixSafety}`:"";return{id:t.id,name:t.id.replace(/(^|-)([a-z0-9])/g,(r,o,i)=>i.toUpperCase()),shortDescription:{text:t.description},fullDescription:{text:t.docs.what},help:{text:`${t.docs.what}

${t.docs.why}${e}`,markdown:`${t.docs.what}

${t.docs.why}

Bad:

\`\`\`haproxy
${t.docs.bad.replace(/\n$/,"")}
\`\`\`

Good:

\`\`\`haproxy
${t.docs.good.replace(/\n$/,"")}
\`\`\`${e}`},helpUri:u(t.id),defaultConfiguration:{level:m[t.severity]},properties:R(t)}}function R(t){let e=c(t),r=e===void 0||t.group==="security"?[t.group]:[t.group,"security"];return{group:t.group,fixable:t.fixable,tags:r,...e!==void 0?{"security-severity":e.toFixed(1)}:{}}}function w(t,e,r,o,i){let a=x(t,o),h={startLine:e.line,startColumn:e.column,endLine:e.endLine,endColumn:e.endColumn,charOffset:e.start,charLength:e.end-e.start},p=e.fix&&e.fix.edits.length>0&&e.fix.applicability!=="display-only"?[{description:{text:`${e.fix.description} (${e.fix.applicability})`},artifactChanges:[{artifactLocation:a,replacements:e.fix.edits.map(s=>({deletedRegion:{charOffset:s.start,charLength:s.end-s.start},...s.text!==""?{insertedContent:{text:s.text}}:{}}))}]}]:void 0;return{ruleId:e.ruleId,...r>=0?{ruleIndex:r}:{},level:m[e.severity],message:{text:e.message},locations:[{physicalLocation:{artifactLocation:a,region:h}}],...p?{fixes:p}:{},properties:{...e.fix?{fixApplicability:e.fix.applicability,fixable:d(e,i)}:{}}}}function F(t){let e=new Map(t.rules.map((o,i)=>[o.id,i])),r={$schema:"https://json.schemastore.org/sarif-2.1.0.json",version:"2.1.0",runs:[{tool:{driver:{name:"haproxy-lint",version:t.version,semanticVersion:t.version,informationUri:l,rules:t.rules.map(g)}},originalUriBaseIds:{"%SRCROOT%":{uri:f(t.cwd.endsWith(n)?t.cwd:t.cwd+n).href}},columnKind:"utf16CodeUnits",results:t.files.flatMap(o=>o.findings.map(i=>w(o,i,e.get(i.ruleId)??-1,t.cwd,t.unsafeFixes)))}]};return`${JSON.stringify(r,null,2)}
`}export{F as sarif};
