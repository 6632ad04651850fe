import type { ClassificationFact, Fact, TlsVersion, ViewBase } from './base';

// Endpoints

/** Something clients connect to: a load balancer listener, a CDN distribution, an API stage. */
export interface EndpointView extends ViewBase {
  readonly kind: 'endpoint';
  readonly endpointType:
    | 'load-balancer-listener'
    | 'load-balancer-targets'
    | 'cdn-distribution'
    | 'api-stage'
    | 'api-domain'
    | 'api-method';
  /**
   * Client-facing protocol: HTTPS, HTTP, TLS, TCP, UDP... For `load-balancer-targets` (a target group,
   * a backend pool) the protocol the load balancer speaks to its targets.
   */
  readonly protocol: Fact<string>;
  /** TLS policy name as the provider spells it (`ELBSecurityPolicy-TLS13-1-2-2021-06`, `TLSv1.2_2021`). */
  readonly policyName?: Fact<string>;
  /** Lowest TLS version the policy accepts: `1.0`..`1.3`; undefined when not TLS. */
  readonly minTls?: Fact<TlsVersion>;
  /** The policy offers hybrid post-quantum key exchange. */
  readonly postQuantum?: Fact<boolean>;
  /**
   * Load balancer listeners that set it themselves (classic listeners' instance protocol): the protocol
   * the load balancer speaks to the targets behind this listener. ELBv2 listeners leave it to their
   * target groups (`load-balancer-targets` views).
   */
  readonly targetProtocol?: Fact<string>;
  /**
   * `load-balancer-targets`: a listener in front terminates TLS (a TLS or HTTPS listener forwards to
   * these targets), so a plain protocol to the targets carries what clients sent encrypted.
   */
  readonly afterTlsTermination?: boolean;
  /** Plain HTTP redirects to HTTPS (listeners) or viewers are redirected (CDN). */
  readonly redirectsToHttps?: Fact<boolean>;
  /** Access logging enabled (stage access logs, distribution logging, load balancer logs). */
  readonly accessLogging?: Fact<boolean>;
  /** A WAF web ACL is associated. */
  readonly waf?: Fact<boolean>;
  /**
   * Classification of the data the endpoint serves, from its own `data-classification` tag (a
   * listener, which cannot be tagged, takes its load balancer's).
   */
  readonly classification?: ClassificationFact;
  /** Reachable from the internet (internet-facing load balancer, CDN, edge or regional API). */
  readonly internetFacing?: Fact<boolean>;
  /** CDN distributions: how the distribution reaches each origin. */
  readonly origins?: readonly CdnOrigin[];
  /**
   * API methods and routes: the authorization they require (`NONE`, `AWS_IAM`, `COGNITO_USER_POOLS`,
   * `CUSTOM`, `JWT`).
   */
  readonly authorization?: Fact<string>;
  /** API methods and routes: the HTTP method (`GET`, `OPTIONS`, `ANY`...) or route key. */
  readonly method?: Fact<string>;
  /** API methods: a CORS preflight (`OPTIONS` answering only with `Access-Control-Allow-*` headers). */
  readonly corsPreflight?: boolean;
  /**
   * The strongest TLS policies the service offers for this endpoint: TLS 1.3 only, and TLS 1.3 only
   * with hybrid post-quantum key exchange. Undefined when the endpoint does not speak TLS.
   */
  readonly tlsOffered?: { readonly tls13Only: boolean; readonly postQuantumTls13Only: boolean };
  /** Shield Advanced protects the endpoint (`AWS::Shield::Protection`). */
  readonly ddosProtection?: Fact<boolean>;
}

/** A TLS certificate the provider issues and renews (ACM). */
export interface CertificateView extends ViewBase {
  readonly kind: 'certificate';
  /** How domain ownership is validated: `DNS` renews unattended, `EMAIL` needs a person each renewal; `private`: issued by a private CA. */
  readonly validation: Fact<'DNS' | 'EMAIL' | 'private'>;
}

/** One origin of a CDN distribution. */
export interface CdnOrigin {
  /** Origin id as the distribution names it. */
  readonly id: string;
  /**
   * `object-store`: an object store's REST endpoint (S3 origin); `custom`: any other origin,
   * S3 website endpoints included.
   */
  readonly originType: 'object-store' | 'custom';
  /** Custom origins: `http-only`, `match-viewer` or `https-only`. */
  readonly protocolPolicy?: Fact<string>;
  /** Custom origins: protocols offered to the origin (`SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`). */
  readonly sslProtocols?: Fact<readonly string[]>;
  /** Object-store origins: how the distribution authenticates to the store. */
  readonly accessControl?: Fact<'origin-access-control' | 'origin-access-identity' | 'none'>;
}

/** A load balancer as a whole (its listeners are endpoint views). */
export interface LoadBalancerView extends ViewBase {
  readonly kind: 'load-balancer';
  readonly loadBalancerType: Fact<'application' | 'network' | 'gateway' | 'classic'>;
  readonly internetFacing: Fact<boolean>;
  /** Access logs delivered to an object store. */
  readonly accessLogging: Fact<boolean>;
  /** Address of the object store receiving the access logs, when the graph has it (by reference or by name). */
  readonly accessLogStore?: string;
  /** A WAF web ACL is associated; undefined where the type cannot have one (network, gateway, classic). */
  readonly waf?: Fact<boolean>;
  /** Shield Advanced protects the load balancer (`AWS::Shield::Protection`). */
  readonly ddosProtection?: Fact<boolean>;
}
