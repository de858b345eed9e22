// The bean-wired template (issue 7) is derived from the main template: same fields, same groups, same
// constraints; only the id, name, description and the Hidden implementation binding differ. So a field is
// added in one place (kaleyra-whatsapp-cta.json) and `npm run generate` refreshes the bean file;
// `npm run validate` fails while the committed bean file differs from what this function produces.

export const MAIN_FILE = 'kaleyra-whatsapp-cta.json';
export const BEAN_FILE = 'kaleyra-whatsapp-cta-bean.json';
export const BEAN_NAME = 'kaleyraWhatsAppCta';

export function beanTemplate(main) {
  const { properties, ...head } = main;
  return {
    ...head,
    id: `${main.id}-bean`,
    name: `${main.name} (application server)`,
    description: 'The same task, for engines in an application server such as WildFly, where the connector is '
      + `the CDI bean "${BEAN_NAME}" (or engines with the KaleyraConnectorPlugin). `
      + 'Use the template your platform team installed; the fields are identical. ' + main.description,
    properties: properties.map((property) => (property.binding.name === 'camunda:class'
      ? { ...property, value: `\${${BEAN_NAME}}`, binding: { ...property.binding, name: 'camunda:delegateExpression' } }
      : property))
  };
}

export function format(template) {
  return `${JSON.stringify(template, null, 2)}\n`;
}
