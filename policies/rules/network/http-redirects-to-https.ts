import { defineRule, fail, notApplicable, pass, unknown } from '../../../lib/engine/rule';
import { Unknown } from '../../../lib/graph/values';

export default defineRule({
  id: 'BW-NS-005',
  title: 'Plain HTTP is redirected to HTTPS on load balancers and CDN distributions',
  severity: 'medium',
  controls: ['mcsb-v1:DP-3', 'mcsb-v1:NS-8', 'nist-csf-2.0:PR.DS-02'],
  threats: ['data-breach'],
  rationale:
    'An HTTP listener that serves content, or a distribution whose viewer protocol policy is `allow-all`, sends ' +
    'requests, cookies and responses in clear text that anyone on the path can read or modify. Redirecting to HTTPS ' +
    'keeps the HTTP port for the redirect only. Application Gateway HTTP listeners and Front Door routes that accept ' +
    'HTTP are judged the same way.',
  fix: {
    cdk: 'Make the HTTP listener redirect to HTTPS (`lb.addRedirect()` or `ListenerAction.redirect({ protocol: "HTTPS", port: "443" })`); set `viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS` (or `HTTPS_ONLY`) on every distribution behavior.',
    terraform:
      'Give the HTTP `aws_lb_listener` a `default_action` of `type = "redirect"` with `redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" }`; set `viewer_protocol_policy = "redirect-to-https"` (or `https-only`) on every cache behavior of an `aws_cloudfront_distribution`.',
    pulumi:
      '`network.ApplicationGateway`: route each `Http` listener through a `requestRoutingRules` entry whose `redirectConfiguration` (`redirectType: "Permanent"`) targets an `Https` listener (`targetListener`) or an `https://` `targetUrl`; `cdn.Route`: `httpsRedirect: "Enabled"`, or `supportedProtocols: ["Https"]`.',
  },
  appliesTo: ['endpoint'],
  check(view) {
    if (view.endpointType === 'load-balancer-listener') {
      const protocol = view.protocol;
      if (protocol instanceof Unknown)
        return unknown(`\`${view.name}\`: the listener protocol cannot be resolved (${protocol.reason})`);
      if (protocol.toUpperCase() !== 'HTTP')
        return notApplicable(`\`${view.name}\` is a ${protocol} listener`);
    } else if (view.endpointType === 'load-balancer-targets') {
      return notApplicable('targets are reached by their load balancer, not redirected');
    } else if (view.endpointType !== 'cdn-distribution') {
      return notApplicable('API endpoints accept HTTPS only');
    }
    const r = view.redirectsToHttps;
    if (r === undefined || r instanceof Unknown)
      return unknown(
        `\`${view.name}\`: whether plain HTTP is redirected cannot be resolved${r ? ` (${r.reason})` : ''}`,
      );
    if (r) return pass(`\`${view.name}\` redirects plain HTTP to HTTPS`);
    return view.endpointType === 'cdn-distribution'
      ? fail(`\`${view.name}\` serves viewers over plain HTTP (a cache behavior allows \`allow-all\`)`)
      : fail(`\`${view.name}\` serves plain HTTP instead of redirecting to HTTPS`);
  },
});
