import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{t as a,u as b}from"./chunk-TWBAULEZ.mjs";import"./chunk-OXIOWGHU.mjs";import"./chunk-IXNTZYYK.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-6DXIENQC.mjs";import"./chunk-GP3HFRB7.mjs";import"./chunk-W7TIENTT.mjs";import"./chunk-GNRD5D6C.mjs";export{a as RULES,b as ruleById};
