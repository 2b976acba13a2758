import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import"./chunk-GNRD5D6C.mjs";function m(e,a,c){let r=n=>({raw:n.raw,value:n.value,quoting:n.quoting,start:n.start,end:n.end,line:n.line,column:n.column,...n.envRefs.length>0?{envRefs:n.envRefs}:{}}),t=n=>({line:n.line,kind:n.kind,start:n.start,end:n.end,contentEnd:n.contentEnd,eol:n.eol,indent:n.indent,...n.kind==="keyword"||n.kind==="section"||n.kind==="directive"||n.kind==="scope"?{keyword:n.keyword}:{},...n.modifier?{modifier:n.modifier}:{},...n.words.length>0?{keywordWordCount:n.keywordWordCount}:{},words:n.words.map(r),...n.comment?{comment:n.comment}:{},...n.ignoredTail?{ignoredTail:n.ignoredTail}:{},...n.condDepth?{condDepth:n.condDepth}:{}}),i=n=>({kind:n.kind,start:n.start,end:n.end,...n.name?{name:r(n.name)}:{},...n.from?{from:r(n.from)}:{},header:t(n.header),lines:n.lines.map(t)});return{file:a,status:e.syntaxErrors.length===0?"ok":"failed",encoding:c,length:e.text.length,bomLength:e.bomLength,syntaxErrors:e.syntaxErrors.map(n=>({code:n.code,message:n.message,fatal:n.fatal,line:n.line,column:n.column,start:n.start,end:n.end})),prologue:e.prologue.map(t),sections:e.sections.map(i)}}function*l(e,a,c){let r=m(e,a,c),t=(n,s)=>n.replace(/\n/g,`
${" ".repeat(s)}`),i=Object.entries(r);yield`{
`;for(let n=0;n<i.length;n++){let[s,o]=i[n],g=n<i.length-1?`,
`:`
`;if(Array.isArray(o)&&o.length>0){yield`  ${JSON.stringify(s)}: [
`;for(let d=0;d<o.length;d++)yield`    ${t(JSON.stringify(o[d],null,2),4)}${d<o.length-1?`,
`:`
`}`;yield`  ]${g}`}else yield`  ${JSON.stringify(s)}: ${t(JSON.stringify(o,null,2),2)}${g}`}yield`}
`}export{l as treeJsonChunks,m as treeToJson};
