using System.Diagnostics;

namespace DomainCall.Dns.Tests.Servers;

/// <summary>BIND (<c>named</c>, Debian package <c>bind9</c>) serving the test zone, updatable with the test
/// key.</summary>
public sealed class BindFixture : DnsServerFixture
{
    public override string ServerName => "BIND";

    protected override ProcessStartInfo Prepare()
    {
        var named = Programs.Find("named", "bind9");

        // No controls: the test server needs no rndc channel, and the default one would take port 953.
        var config = $$"""
            options {
                directory "{{Folder}}";
                pid-file "{{Folder}}/named.pid";
                session-keyfile "{{Folder}}/session.key";
                managed-keys-directory "{{Folder}}";
                listen-on port {{Port}} { 127.0.0.1; };
                listen-on-v6 { none; };
                recursion no;
                dnssec-validation no;
                notify no;
            };

            controls { };

            key "{{TestZone.KeyName}}" {
                algorithm {{TestZone.Algorithm}};
                secret "{{TestZone.Secret}}";
            };

            zone "{{TestZone.Name}}" {
                type primary;
                file "{{Folder}}/{{TestZone.Name}}.zone";
                update-policy { grant {{TestZone.KeyName}} zonesub ANY; };
            };
            """;
        var path = Path.Combine(Folder, "named.conf");
        File.WriteAllText(path, config);

        // -g keeps named in the foreground and logging to stderr; -n 1 keeps it to one worker thread.
        return new ProcessStartInfo(named) { ArgumentList = { "-g", "-n", "1", "-c", path } };
    }
}
