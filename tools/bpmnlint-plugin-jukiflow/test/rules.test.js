// Each rule fed a model that breaks it and one that keeps it (node --test; run by tools/lint-models before the
// models are linted, so a rule that cannot fail fails the build).
const { test } = require('node:test');
const assert = require('node:assert');

const { Linter } = require('bpmnlint');
const { BpmnModdle } = require('bpmn-moddle');

const plugin = require('..');

async function lint(ruleName, content, processAttributes = '') {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_probe"
        targetNamespace="https://jukiflow.example/bpmn">
      <bpmn:process id="probe" isExecutable="true"${ processAttributes }>${ content }</bpmn:process>
    </bpmn:definitions>`;
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const rule = require('../rules/' + ruleName);
  const linter = new Linter({
    resolver: { resolveRule: () => rule, resolveConfig: () => { throw new Error('no configs'); } }
  });
  const results = await linter.lint(rootElement, { rules: { [ruleName]: 'error' } });
  return (results[ruleName] || []).map(report => `${ report.id }: ${ report.message }`);
}

const RETRY = '<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R3/PT1M</camunda:failedJobRetryTimeCycle>'
  + '</bpmn:extensionElements>';

test('the recommended config turns on every rule as an error', () => {
  const rules = plugin.configs.recommended.rules;
  assert.deepStrictEqual(Object.values(rules), Object.keys(rules).map(() => 'error'));
  Object.keys(rules).forEach(name => assert.strictEqual(typeof require('../rules/' + name), 'function'));
});

test('user-task-complete', async () => {
  assert.deepStrictEqual(await lint('user-task-complete', '<bpmn:userTask id="Task_Bare" />'), [
    'Task_Bare: User task has no candidate groups (camunda:candidateGroups)',
    'Task_Bare: User task has no form (camunda:formRef or camunda:formKey)',
    'Task_Bare: User task has no documentation (the clerk\'s instruction)'
  ]);
  assert.deepStrictEqual(await lint('user-task-complete', `<bpmn:userTask id="Task_Review"
      camunda:candidateGroups="\${execution.tenantId}-clerks" camunda:formRef="mail-review">
      <bpmn:documentation>確認してください。</bpmn:documentation></bpmn:userTask>`), []);
});

test('async-retry-cycle', async () => {
  assert.deepStrictEqual(await lint('async-retry-cycle', `
      <bpmn:serviceTask id="Task_MailAtOnce" camunda:delegateExpression="\${sendMail}" />
      <bpmn:serviceTask id="Task_SendNotice" name="転入通知の送信（住基ネット）" camunda:delegateExpression="\${x}" />
      <bpmn:serviceTask id="Task_NoCycle" camunda:asyncBefore="true" camunda:delegateExpression="\${sendMail}" />
      <bpmn:serviceTask id="Task_Attribute" camunda:asyncBefore="true" camunda:failedJobRetryTimeCycle="R3/PT1M"
          camunda:delegateExpression="\${sendMail}">${ RETRY }</bpmn:serviceTask>
      <bpmn:intermediateCatchEvent id="Event_BadCycle" camunda:asyncAfter="true"><bpmn:extensionElements>
        <camunda:failedJobRetryTimeCycle>R3/PT0S</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
      </bpmn:intermediateCatchEvent>`), [
    'Task_MailAtOnce: Outside call (mail, Juki-net) is not asynchronous before',
    'Task_SendNotice: Outside call (mail, Juki-net) is not asynchronous before',
    'Task_NoCycle: Asynchronous element needs one retry time cycle (e.g. R3/PT1M), has 0',
    'Task_Attribute: Retry cycle written as an attribute, which Camunda 7 ignores: use the extension element',
    'Event_BadCycle: Retry time cycle \'R3/PT0S\' is not R<tries>/<ISO 8601 duration>'
  ]);
  assert.deepStrictEqual(await lint('async-retry-cycle', `
      <bpmn:serviceTask id="Task_Mail" camunda:asyncBefore="true" camunda:delegateExpression="\${sendMail}">${ RETRY }
      </bpmn:serviceTask>
      <bpmn:serviceTask id="Task_Local" camunda:delegateExpression="\${checkCounter}" />`), []);
});

test('japanese-names', async () => {
  assert.deepStrictEqual(await lint('japanese-names', `
      <bpmn:task id="Task_Check" name="Check counter" />
      <bpmn:task id="Task_Issue" name="住民票の写しの作成（PDF）" />
      <bpmn:exclusiveGateway id="Gateway_Decided" name="審査結果 ok" />
      <bpmn:exclusiveGateway id="Gateway_Join" />`), [
    'Task_Check: Name is not Japanese',
    'Task_Check: Name has the English word \'Check\'',
    'Gateway_Decided: Name has the English word \'ok\''
  ]);
});

test('house-ids', async () => {
  assert.deepStrictEqual(await lint('house-ids', `
      <bpmn:startEvent id="StartEvent_1" />
      <bpmn:task id="Activity_0x1y2z3" />
      <bpmn:businessRuleTask id="Task_DecideRoute" />
      <bpmn:exclusiveGateway id="Gateway_JoinReviewed" />
      <bpmn:endEvent id="End_Done" />
      <bpmn:sequenceFlow id="Flow_0abc12" sourceRef="StartEvent_1" targetRef="End_Done" />`), [
    'StartEvent_1: Id is not Event_ followed by CamelCase words',
    'Activity_0x1y2z3: Id is not Task_ followed by CamelCase words',
    'Task_DecideRoute: Id is not Rule_ followed by CamelCase words',
    'Flow_0abc12: Id is not Flow_ followed by CamelCase words'
  ]);
});
