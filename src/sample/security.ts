// Templates for Security log events 4624 (logon) and 4688 (process creation) with their full messages.
import { envelope, SECURITY_CHANNEL, type EventContext, type GeneratedEvent } from './envelope.js';
import { residentProcess, startProcess, type Account } from './hosts.js';
import { EXPLORER, SERVICES, TRANSIENT_IMAGES } from './process-catalog.js';
import { WeightedTable } from './prng.js';

const transientImages = new WeightedTable(TRANSIENT_IMAGES);
const LOGON_EXPLANATION = [
  'This event is generated when a logon session is created. It is generated on the computer that was accessed.',
  'The subject fields indicate the account on the local system which requested the logon. This is most commonly a service such as the Server service, or a local process such as Winlogon.exe or Services.exe.',
  'The logon type field indicates the kind of logon that occurred. The most common types are 2 (interactive) and 3 (network).',
  'The New Logon fields indicate the account for whom the new logon was created, i.e. the account that was logged on.',
  'The network fields indicate where a remote logon request originated. Workstation name is not always available and may be left blank in some cases.',
  'The authentication information fields provide detailed information about this specific logon request.\r\n\t- Logon GUID is a unique identifier that can be used to correlate this event with a KDC event.\r\n\t- Transited services indicate which intermediate services have participated in this logon request.\r\n\t- Package name indicates which sub-protocol was used among the NTLM protocols.\r\n\t- Key length indicates the length of the generated session key. This will be 0 if no session key was requested.',
].join('\r\n\r\n');
const TOKEN_EXPLANATION = [
  'Token Elevation Type indicates the type of token that was assigned to the new process in accordance with User Account Control policy.',
  'Type 1 is a full token with no privileges removed or groups disabled.  A full token is only used if User Account Control is disabled or if the user is the built-in Administrator account or a service account.',
  'Type 2 is an elevated token with no privileges removed or groups disabled.  An elevated token is used when User Account Control is enabled and the user chooses to start the program using Run as administrator.',
  'Type 3 is a limited token with administrative privileges removed and administrative groups disabled.',
].join('\r\n\r\n');

function subject(title: string, account: Account): string {
  return `${title}:\r\n\tSecurity ID:\t\t${account.sid}\r\n\tAccount Name:\t\t${account.name}\r\n\tAccount Domain:\t\t${account.domain}\r\n\tLogon ID:\t\t${account.logonId}`;
}

/** 4624: an account logged on (services as SYSTEM, or the user over the network). */
export function accountLoggedOn(ctx: EventContext): GeneratedEvent {
  const { host, prng } = ctx;
  const network = prng.chance(0.4);
  const target = network ? host.user : host.system;
  const logonType = network ? 3 : 5;
  const sourceIp = network ? `10.${20 + prng.int(2)}.${prng.int(250)}.${prng.between(10, 250)}` : '-';
  const processId = network ? '0x0' : `0x${(4 * prng.between(100, 400)).toString(16)}`;
  const processName = network ? '-' : SERVICES.path;
  const newLogonId = network ? `0x${prng.hex(7).replace(/^0+/, '')}` : target.logonId;
  const message = `An account was successfully logged on.\r\n\r\n${subject('Subject', host.system)}\r\n\r\n`
    + `Logon Information:\r\n\tLogon Type:\t\t${logonType}\r\n\tRestricted Admin Mode:\t-\r\n\tVirtual Account:\t\tNo\r\n\tElevated Token:\t\tYes\r\n\r\n`
    + `Impersonation Level:\t\tImpersonation\r\n\r\n${subject('New Logon', { ...target, logonId: newLogonId })}\r\n\tLinked Logon ID:\t\t0x0\r\n`
    + `\tNetwork Account Name:\t-\r\n\tNetwork Account Domain:\t-\r\n\tLogon GUID:\t\t${target.logonGuid}\r\n\r\n`
    + `Process Information:\r\n\tProcess ID:\t\t${processId}\r\n\tProcess Name:\t\t${processName}\r\n\r\n`
    + `Network Information:\r\n\tWorkstation Name:\t${network ? 'WKS-' + String(prng.between(1, 999)).padStart(4, '0') : '-'}\r\n\tSource Network Address:\t${sourceIp}\r\n\tSource Port:\t\t${network ? prng.between(49152, 65535) : '-'}\r\n\r\n`
    + `Detailed Authentication Information:\r\n\tLogon Process:\t\t${network ? 'Kerberos' : 'Advapi  '}\r\n\tAuthentication Package:\t${network ? 'Kerberos' : 'Negotiate'}\r\n`
    + `\tTransited Services:\t-\r\n\tPackage Name (NTLM only):\t-\r\n\tKey Length:\t\t0\r\n\r\n${LOGON_EXPLANATION}`;
  return envelope(ctx, SECURITY_CHANNEL, { eventCode: 4624, taskCategory: 'Logon', keywords: 'Audit Success', message }, {
    TargetUserName: target.name,
    TargetDomainName: target.domain,
    TargetLogonId: newLogonId,
    LogonType: logonType,
    IpAddress: sourceIp,
  });
}

/** 4688: a process was created (the Security log's view of process starts). */
export function processCreationAudited(ctx: EventContext): GeneratedEvent {
  const { host, prng } = ctx;
  const image = transientImages.draw(prng);
  const process = startProcess(host, prng, ctx.ids, image);
  const account = process.account;
  const parent = residentProcess(host, image.runsAs === 'user' ? EXPLORER : SERVICES);
  const newProcessId = `0x${process.pid.toString(16)}`;
  const elevation = account === host.system ? '%%1936' : '%%1938';
  const message = `A new process has been created.\r\n\r\n${subject('Creator Subject', account)}\r\n\r\n`
    + `${subject('Target Subject', { name: '-', domain: '-', sid: 'S-1-0-0', logonId: '0x0', logonGuid: '' })}\r\n\r\n`
    + `Process Information:\r\n\tNew Process ID:\t\t${newProcessId}\r\n\tNew Process Name:\t${image.path}\r\n`
    + `\tToken Elevation Type:\t${elevation}\r\n\tMandatory Label:\t\t${account === host.system ? 'S-1-16-16384' : 'S-1-16-8192'}\r\n`
    + `\tCreator Process ID:\t0x${parent.pid.toString(16)}\r\n\tCreator Process Name:\t${parent.image.path}\r\n`
    + `\tProcess Command Line:\t${process.commandLine}\r\n\r\n${TOKEN_EXPLANATION}`;
  return envelope(ctx, SECURITY_CHANNEL, { eventCode: 4688, taskCategory: 'Process Creation', keywords: 'Audit Success', message }, {
    SubjectUserName: account.name,
    SubjectDomainName: account.domain,
    SubjectLogonId: account.logonId,
    NewProcessId: newProcessId,
    NewProcessName: image.path,
    CommandLine: process.commandLine,
    ParentProcessName: parent.image.path,
  });
}
