"""Element helpers the process scripts share (attributes, listeners, clerk tasks, mails). Used with bpmn_layout."""
import os

from bpmn_layout import Node, write

ASYNC = {"camunda:asyncBefore": "true"}
RETRY_CYCLE = "R3/PT1M"
CLERKS = "${execution.tenantId}-clerks"


def retry(cycle=RETRY_CYCLE):
    """The retry cycle of an async job (three tries a minute apart). Camunda 7 reads it only as this extension element
    of the async element; as an attribute (camunda:failedJobRetryTimeCycle="…") it is ignored and a failing job spends
    its tries at once. Goes into the element's extension elements: ext(retry(), …)."""
    return f"        <camunda:failedJobRetryTimeCycle>{cycle}</camunda:failedJobRetryTimeCycle>"


def ext(*parts):
    return "      <bpmn:extensionElements>\n" + "\n".join(parts) + "\n      </bpmn:extensionElements>"


def listener(expression, event="end"):
    return f'        <camunda:executionListener event="{event}" expression="{expression}" />'


def task_listener(expression, event="complete"):
    return f'        <camunda:taskListener event="{event}" expression="{expression}" />'


def set_on_start(variable, value):
    """An execution listener that sets a process variable to a fixed text when the element starts."""
    return listener(f"${{execution.setVariable('{variable}', '{value}')}}", "start")


def user(id, name, col, row, form, *listeners, **attrs):
    """A clerk task of the tenant's clerks with a Camunda form; extra attributes (e.g. camunda:dueDate) as keywords."""
    all_attrs = {"camunda:candidateGroups": CLERKS, "camunda:formRef": form, "camunda:formRefBinding": "latest"}
    all_attrs.update(attrs)
    return Node("userTask", id, name, col, row, all_attrs, ext(*listeners) if listeners else "")


def mail(id, name, col, row, template, email=None):
    """An async, retried sendMail task for a template; email names the recipient expression when not the default."""
    attrs = dict(ASYNC)
    attrs["camunda:delegateExpression"] = "${sendMail}"
    parameters = [f'          <camunda:inputParameter name="template">{template}</camunda:inputParameter>']
    if email:
        parameters.append(f'          <camunda:inputParameter name="email">{email}</camunda:inputParameter>')
    return Node("serviceTask", id, name, col, row, attrs, ext(
        retry(),
        '        <camunda:inputOutput>\n' + "\n".join(parameters) + '\n        </camunda:inputOutput>'))


def check_counter(col, row, procedure):
    """Task_CheckCounter: the counter (the start's officeId, blank: the main office) must accept the procedure (a
    jp.jukiflow.municipality.Procedure name) and be open now. A refusal (DomainRuleViolation COUNTER_CLOSED,
    COUNTER_NOT_ACCEPTING or OFFICE_UNKNOWN) is the clerk's Japanese message where they started, in the start's
    transaction before the first wait state, so no case is started, kept or counted. Skipped in a process called by
    another one: the caller's counter was checked."""
    return Node("serviceTask", "Task_CheckCounter", "窓口の受付可否の確認", col, row,
                {"camunda:delegateExpression": "${checkCounter}"}, ext(
                    '        <camunda:inputOutput>\n'
                    f'          <camunda:inputParameter name="counterProcedure">{procedure}</camunda:inputParameter>\n'
                    '        </camunda:inputOutput>'))


def write_process(key, name, nodes, flows, definitions_extra="", documentation=None, startable_in_tasklist=True):
    """Writes processes/<key>.bpmn with the history kept 7 years (P2555D, as for every process here) and says so.
    documentation: user task id -> the clerk's instruction in Japanese (Tasklist's 説明 tab); every user task needs one.
    startable_in_tasklist=False for a process no person starts (the system does, e.g. on a message from another
    municipality): camunda:isStartableInTasklist="false" keeps it out of Tasklist's 「プロセスを開始」."""
    path = os.path.join(os.path.dirname(__file__), "..", "processes", key + ".bpmn")
    attrs = {"camunda:historyTimeToLive": "P2555D"}
    if not startable_in_tasklist:
        attrs["camunda:isStartableInTasklist"] = "false"
    write(path, key, name, nodes, flows, definitions_extra, attrs, documentation)
    print("wrote processes/%s.bpmn" % key)
