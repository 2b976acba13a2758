import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{v as a,w as b}from"./chunk-QOO66LTH.mjs";import"./chunk-ERZLNXRJ.mjs";import"./chunk-7Y3UTGGB.mjs";import"./chunk-NVSK3O3R.mjs";import"./chunk-6DXIENQC.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-GNRD5D6C.mjs";export{a as RULES,b as ruleById};
