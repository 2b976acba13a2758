import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{t as a,u as b}from"./chunk-FD753FB4.mjs";import"./chunk-OXIOWGHU.mjs";import"./chunk-IXNTZYYK.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-B5OTMH5O.mjs";import"./chunk-UHAVZMSR.mjs";import"./chunk-ERQHPYBI.mjs";import"./chunk-GNRD5D6C.mjs";export{a as RULES,b as ruleById};
