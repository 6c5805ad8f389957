// The entry the desk page loads as {prefix}/widget/desk.js: it defines <domain-call-desk>.
import './domain-call-desk-define.js';
