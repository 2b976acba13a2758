import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{b as a,c as b,d as c,e as d,f as e}from"./chunk-CSJA67TF.mjs";import"./chunk-GNRD5D6C.mjs";export{d as activeRules,a as onByDefault,c as securityLevel,b as securitySeverityOf,e as validateRuleOptions};
