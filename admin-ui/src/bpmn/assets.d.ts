/** bpmn-js's style sheets, imported for their side effect; the bundler injects them. */
declare module 'bpmn-js/dist/assets/*.css';
