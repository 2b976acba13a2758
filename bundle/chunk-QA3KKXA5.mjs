import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a,b}from"./chunk-YOPNYEUS.mjs";import"./chunk-BVZOX5HM.mjs";import"./chunk-3QVIEWZV.mjs";import"./chunk-3CLXMXJH.mjs";import"./chunk-6DXIENQC.mjs";import"./chunk-GNRD5D6C.mjs";export{b as codeclimate,a as reportPath};
