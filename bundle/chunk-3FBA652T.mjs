import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a,b}from"./chunk-S56FN53D.mjs";import"./chunk-FX7GXJAM.mjs";import"./chunk-AZCPM7AF.mjs";import"./chunk-6DXIENQC.mjs";import"./chunk-3CLXMXJH.mjs";import"./chunk-GNRD5D6C.mjs";export{b as codeclimate,a as reportPath};
