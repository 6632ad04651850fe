import { Token } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import type { ClassifiedProps } from '../common/classified';
import { PropsValidator } from '../common/validation';
import { listenerSslPolicyFor } from './policies';

export interface HardenedAlbListenersProps extends ClassifiedProps {
  /** The load balancer to add the listeners to. */
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  /**
   * Server certificates of the HTTPS listener (at least one).
   * @see mcsb-v1:DP-3
   */
  readonly certificates: readonly elbv2.IListenerCertificate[];
  /**
   * What the HTTPS listener does with requests no rule matches. Give at most one of
   * `defaultAction` and `defaultTargetGroups`.
   * @default - a fixed 404 response: nothing is served until routed
   */
  readonly defaultAction?: elbv2.ListenerAction;
  /**
   * Target groups that receive the requests no rule matches.
   * @default - see `defaultAction`
   */
  readonly defaultTargetGroups?: readonly elbv2.IApplicationTargetGroup[];
  /**
   * Port of the HTTPS listener.
   * @default 443
   */
  readonly httpsPort?: number;
  /**
   * Port of the plain HTTP listener, which only redirects to HTTPS (permanently, 301). `false`: no
   * HTTP listener at all (clients typing `http://` get no answer).
   * @default 80
   * @see mcsb-v1:DP-3, mcsb-v1:NS-8
   */
  readonly httpRedirectPort?: number | false;
  /**
   * Use the FIPS variant of the level's TLS policy.
   * @default false
   */
  readonly fips?: boolean;
}

/**
 * The listeners of an Application Load Balancer, hardened by classification: an HTTPS listener
 * with the level's TLS policy ({@link listenerSslPolicyFor}: TLS 1.3 with post-quantum key exchange
 * at TOP_SECRET, TLS 1.3 only at RESTRICTED, TLS 1.2+ with restricted ciphers below), and a plain
 * HTTP listener that only redirects to HTTPS. Neither listener opens the load balancer's security
 * group: allow clients explicitly (`SegmentedVpc.allowInternetHttps({ redirectHttp: true })`, or
 * `loadBalancer.connections.allowFrom(...)`).
 */
export class HardenedAlbListeners extends Construct {
  /** The HTTPS listener. */
  readonly httpsListener: elbv2.ApplicationListener;
  /** The plain HTTP listener that redirects to HTTPS, unless `httpRedirectPort` is `false`. */
  readonly redirectListener?: elbv2.ApplicationListener;
  /** The TLS policy of the HTTPS listener. */
  readonly sslPolicy: elbv2.SslPolicy;

  constructor(scope: Construct, id: string, props: HardenedAlbListenersProps) {
    super(scope, id);
    const httpsPort = props.httpsPort ?? 443;
    const redirectPort = props.httpRedirectPort ?? 80;
    const v = new PropsValidator(this);
    v.check(
      props.certificates.length > 0,
      'BULWARK_LISTENER_CERTIFICATE',
      '`certificates` must name at least one certificate for the HTTPS listener',
    );
    v.check(
      !(props.defaultAction && props.defaultTargetGroups),
      'BULWARK_LISTENER_DEFAULT',
      'give `defaultAction` or `defaultTargetGroups`, not both',
    );
    v.check(
      redirectPort === false ||
        Token.isUnresolved(redirectPort) ||
        Token.isUnresolved(httpsPort) ||
        redirectPort !== httpsPort,
      'BULWARK_LISTENER_PORTS',
      `\`httpRedirectPort\` and \`httpsPort\` are both ${httpsPort}: give them different ports`,
    );
    v.throwIfAny();

    this.sslPolicy = listenerSslPolicyFor(props.classification, { fips: props.fips });
    const defaultAction =
      props.defaultAction ??
      (props.defaultTargetGroups
        ? undefined
        : elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' }));
    this.httpsListener = new elbv2.ApplicationListener(this, 'Https', {
      loadBalancer: props.loadBalancer,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      port: httpsPort,
      certificates: [...props.certificates],
      sslPolicy: this.sslPolicy,
      defaultAction,
      defaultTargetGroups: props.defaultTargetGroups ? [...props.defaultTargetGroups] : undefined,
      open: false,
    });
    if (redirectPort !== false) {
      this.redirectListener = new elbv2.ApplicationListener(this, 'HttpRedirect', {
        loadBalancer: props.loadBalancer,
        protocol: elbv2.ApplicationProtocol.HTTP,
        port: redirectPort,
        defaultAction: elbv2.ListenerAction.redirect({
          protocol: elbv2.ApplicationProtocol.HTTPS,
          port: String(httpsPort),
          permanent: true,
        }),
        open: false,
      });
    }
  }
}
