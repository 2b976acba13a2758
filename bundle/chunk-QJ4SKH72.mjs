import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a as t}from"./chunk-UALPW3T2.mjs";import{a as h}from"./chunk-3XUA6HX5.mjs";import"./chunk-Z64NWEGJ.mjs";import{d as g}from"./chunk-ILDJS536.mjs";import"./chunk-3CLXMXJH.mjs";import"./chunk-B5OTMH5O.mjs";import"./chunk-GNRD5D6C.mjs";var d=r=>t(r).replace(/&#10;/g,`
`).replace(/&#9;/g,"	").replace(/&#13;/g,"");function I(r){let l=[],a=0,c=0;for(let i of r.files){let n=h(i,r.cwd),$=g(i.text),s=[],o=0;for(let e of i.findings){let y=`${n}:${e.line}:${e.column}`,m=$[e.line-1],p=m===void 0?"":i.text.slice(m,$[e.line]??i.text.length).replace(/\r?\n$/,""),u=`${y}: ${e.severity}: ${e.message} [${e.ruleId}]${p.trim()!==""?`
${String(e.line).padStart(5)} | ${p}`:""}`,x=`${e.ruleId} (${e.line}:${e.column})`,f=`    <testcase name="${t(x)}" classname="${t(n)}" file="${t(n)}" time="0">`;e.severity==="info"?s.push(`${f}
      <system-out>${d(u)}</system-out>
    </testcase>`):(o++,s.push(`${f}
      <failure message="${t(e.message)}" type="${t(`${e.severity}: ${e.ruleId}`)}">${d(u)}</failure>
    </testcase>`))}s.length===0&&s.push(`    <testcase name="no problems" classname="${t(n)}" file="${t(n)}" time="0" />`),a+=s.length,c+=o,l.push([`  <testsuite name="${t(n)}" tests="${s.length}" failures="${o}" errors="0" skipped="0" time="0">`,...s,"  </testsuite>"].join(`
`))}return['<?xml version="1.0" encoding="UTF-8"?>',`<testsuites name="haproxy-lint" tests="${a}" failures="${c}" errors="0" time="0">`,...l,"</testsuites>",""].join(`
`)}export{I as junit};
