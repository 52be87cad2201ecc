// Reads Camunda 7 extensions with or without the camunda moddle extension loaded: Camunda Modeler loads it
// (typed elements: camunda:FailedJobRetryTimeCycle, body), the bpmnlint command line does not (generic elements:
// camunda:failedJobRetryTimeCycle, $body). Attributes read the same either way through node.get('camunda:…').

function extensions(node, localName) {
  const values = (node.extensionElements && node.extensionElements.values) || [];
  return values.filter(value => (value.$type || '').toLowerCase() === ('camunda:' + localName).toLowerCase());
}

function text(element) {
  const body = element.body !== undefined ? element.body : element.$body;
  return (body || '').trim();
}

function attribute(node, name) {
  const value = node.get('camunda:' + name);
  return value === undefined || value === null ? '' : String(value).trim();
}

function isTrue(node, name) {
  const value = node.get('camunda:' + name);
  return value === true || value === 'true';
}

module.exports = { extensions, text, attribute, isTrue };
