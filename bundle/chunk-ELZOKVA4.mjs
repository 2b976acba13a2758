import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{t as a,u as b}from"./chunk-4O3WIL6W.mjs";import"./chunk-OXIOWGHU.mjs";import"./chunk-F2ZUGZ2F.mjs";import"./chunk-NNR3HHAY.mjs";import"./chunk-IXNTZYYK.mjs";import"./chunk-6DXIENQC.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-GNRD5D6C.mjs";export{a as RULES,b as ruleById};
