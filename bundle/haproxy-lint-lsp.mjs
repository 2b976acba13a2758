#!/usr/bin/env node
import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{b as r}from"./chunk-MKPOR7AW.mjs";import"./chunk-ZTYNM2PN.mjs";import"./chunk-DJRBDUCL.mjs";import"./chunk-PTFN4PB5.mjs";import"./chunk-D3DBG4Q4.mjs";import"./chunk-BMJBPZNS.mjs";import"./chunk-ZXK72HLF.mjs";import"./chunk-DNK5QDB7.mjs";import"./chunk-NVSK3O3R.mjs";import"./chunk-5UAQYKQZ.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-WBKESKJL.mjs";import"./chunk-GNRD5D6C.mjs";r(process.argv.slice(2));
