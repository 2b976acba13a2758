import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{c as a,d as b}from"./chunk-3QVIEWZV.mjs";import"./chunk-3CLXMXJH.mjs";import"./chunk-6DXIENQC.mjs";import"./chunk-GNRD5D6C.mjs";export{b as lineStartsOf,a as stylish};
