import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{v as a,w as b}from"./chunk-W7HUY7W7.mjs";import"./chunk-R36ZVCXV.mjs";import"./chunk-BMJBPZNS.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-GNRD5D6C.mjs";export{a as RULES,b as ruleById};
