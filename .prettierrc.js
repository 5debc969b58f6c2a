// One code style for every workspace: the one Grafana's plugin scaffolding gives the plugin.
module.exports = require('./grafana-plugin/.config/.prettierrc.js');
