import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a as l,b as d}from"./chunk-5UAQYKQZ.mjs";import"./chunk-UQSPC3PE.mjs";import{c}from"./chunk-BZ6SNCZK.mjs";import"./chunk-GNRD5D6C.mjs";import{pathToFileURL as h}from"node:url";import{relative as u,sep as a}from"node:path";var m={error:"error",warning:"warning",info:"note"};function x(t,e){if(t.absPath===""||t.path==="<stdin>")return{uri:"stdin"};let r=u(e,t.absPath);return r&&!r.startsWith("..")&&!r.startsWith(a)?{uri:r.split(a).map(encodeURIComponent).join("/"),uriBaseId:"%SRCROOT%"}:{uri:h(t.absPath).href}}function y(t){let e=t.docs.fixSafety?`

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
\`\`\`${e}`},helpUri:d(t.id),defaultConfiguration:{level:m[t.severity]},properties:{group:t.group,fixable:t.fixable,tags:[t.group]}}}function g(t,e,r,o,i){let n=x(t,o),f={startLine:e.line,startColumn:e.column,endLine:e.endLine,endColumn:e.endColumn,charOffset:e.start,charLength:e.end-e.start},p=e.fix&&e.fix.edits.length>0&&e.fix.applicability!=="display-only"?[{description:{text:`${e.fix.description} (${e.fix.applicability})`},artifactChanges:[{artifactLocation:n,replacements:e.fix.edits.map(s=>({deletedRegion:{charOffset:s.start,charLength:s.end-s.start},...s.text!==""?{insertedContent:{text:s.text}}:{}}))}]}]:void 0;return{ruleId:e.ruleId,...r>=0?{ruleIndex:r}:{},level:m[e.severity],message:{text:e.message},locations:[{physicalLocation:{artifactLocation:n,region:f}}],...p?{fixes:p}:{},properties:{...e.fix?{fixApplicability:e.fix.applicability,fixable:c(e,i)}:{}}}}function C(t){let e=new Map(t.rules.map((o,i)=>[o.id,i])),r={$schema:"https://json.schemastore.org/sarif-2.1.0.json",version:"2.1.0",runs:[{tool:{driver:{name:"haproxy-lint",version:t.version,semanticVersion:t.version,informationUri:l,rules:t.rules.map(y)}},originalUriBaseIds:{"%SRCROOT%":{uri:h(t.cwd.endsWith(a)?t.cwd:t.cwd+a).href}},columnKind:"utf16CodeUnits",results:t.files.flatMap(o=>o.findings.map(i=>g(o,i,e.get(i.ruleId)??-1,t.cwd,t.unsafeFixes)))}]};return`${JSON.stringify(r,null,2)}
`}export{C as sarif};
