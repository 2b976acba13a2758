import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-WBKESKJL.mjs";import"./chunk-GNRD5D6C.mjs";export{d as activeRules,a as onByDefault,c as securityLevel,b as securitySeverityOf,e as validateRuleOptions};
