import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{y as a,z as b}from"./chunk-D3DBG4Q4.mjs";import"./chunk-BMJBPZNS.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-GNRD5D6C.mjs";export{a as RULES,b as ruleById};
