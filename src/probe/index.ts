/** The health-check probe: HAProxy's check request, sent for real (loopback only by default), judged like HAProxy does. */
export { probeConfig, ProbeError, type ProbeOptions, type ProbeReport, type ServerProbe } from './probe.js';
export { formatProbeJson, formatProbeText } from './format.js';
export { checkPlan, type CheckPlan, type CheckRequest, type Expectation } from './request.js';
export { serializeRequest } from './wire.js';
export { isLoopbackHost, isLoopbackIp } from './net.js';
