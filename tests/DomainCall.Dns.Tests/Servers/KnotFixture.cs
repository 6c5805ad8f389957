using System.Diagnostics;

namespace DomainCall.Dns.Tests.Servers;

/// <summary>Knot DNS (<c>knotd</c>, Debian package <c>knot</c>) serving the test zone, updatable with the test
/// key.</summary>
public sealed class KnotFixture : DnsServerFixture
{
    public override string ServerName => "Knot DNS";

    protected override ProcessStartInfo Prepare()
    {
        var knotd = Programs.Find("knotd", "knot");
        Directory.CreateDirectory(Path.Combine(Folder, "run"));
        Directory.CreateDirectory(Path.Combine(Folder, "db"));

        // The broken zone has no zone file, so Knot answers SERVFAIL for names in it.
        var config = $"""
            server:
                rundir: "{Folder}/run"
                listen: 127.0.0.1@{Port}
                udp-workers: 1
                tcp-workers: 1
                background-workers: 1

            log:
              - target: stderr
                any: info

            database:
                storage: "{Folder}/db"

            key:
              - id: {TestZone.KeyName}
                algorithm: {TestZone.Algorithm}
                secret: {TestZone.Secret}

            acl:
              - id: test-key-updates
                key: {TestZone.KeyName}
                action: update

            template:
              - id: default
                storage: "{Folder}"
                file: "%s.zone"
                zonefile-sync: -1
                semantic-checks: off

            zone:
              - domain: {TestZone.Name}
                acl: test-key-updates
              - domain: {TestZone.BrokenName}
            """;
        var path = Path.Combine(Folder, "knot.conf");
        File.WriteAllText(path, config);
        return new ProcessStartInfo(knotd) { ArgumentList = { "--config", path } };
    }
}
