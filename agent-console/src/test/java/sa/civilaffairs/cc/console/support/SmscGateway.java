package sa.civilaffairs.cc.console.support;

import java.util.Map;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smsc.SmscSimulator;

/** A gateway configuration pointing at the SMSC simulator (one transceiver bind, short timers), for console ITs. */
public final class SmscGateway {
    private SmscGateway() {
    }

    public static GatewayConfig config(SmscSimulator sim) {
        return GatewayConfig.parse("""
                binds:
                  - name: sim
                    mode: transceiver
                    host: 127.0.0.1
                    port: %d
                    systemId: %s
                    password: %s
                    addressRange: "77799"
                    tps: 100
                    window: 10
                link:
                  enquireLink: 2s
                  responseTimeout: 1s
                  bindTimeout: 2s
                  rebindMin: 50ms
                  rebindMax: 500ms
                  drainTimeout: 2s
                outbound:
                  consumer: console-test
                  claimIdle: 2s
                http:
                  port: 0
                  clients:
                    - name: tests
                      key: test-key-0123456789
                """.formatted(sim.port(), sim.systemId(), sim.password()), Map.of());
    }
}
