#!/usr/bin/env node
import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{b as r}from"./chunk-UN25BM7T.mjs";import"./chunk-PQAW2T6W.mjs";import"./chunk-NOROQH4Y.mjs";import"./chunk-XMDLGTQ5.mjs";import"./chunk-BMJBPZNS.mjs";import"./chunk-JQ5F7XJK.mjs";import"./chunk-P7YH7HSL.mjs";import"./chunk-NVSK3O3R.mjs";import"./chunk-HJYICADT.mjs";import"./chunk-5UAQYKQZ.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-GNRD5D6C.mjs";r(process.argv.slice(2));
