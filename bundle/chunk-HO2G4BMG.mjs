import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{t as a,u as b}from"./chunk-E6HJZPOA.mjs";import"./chunk-OXIOWGHU.mjs";import"./chunk-IXNTZYYK.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-6DXIENQC.mjs";import"./chunk-2LEKOLZP.mjs";import"./chunk-DPJQWCG6.mjs";import"./chunk-GNRD5D6C.mjs";export{a as RULES,b as ruleById};
