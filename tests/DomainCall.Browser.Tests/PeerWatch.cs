using Microsoft.Playwright;

namespace DomainCall.Browser.Tests;

/// <summary>
/// Reads how many media bytes a page's peer connections have sent and received, as <c>chrome://webrtc-internals</c>
/// would show them. An init script keeps every <c>RTCPeerConnection</c> the page makes, so the widget needs no
/// hook of its own for tests.
/// </summary>
public static class PeerWatch
{
    public const string Script = """
        (() => {
          const Native = window.RTCPeerConnection;
          window.__domainCallPeers = [];
          window.RTCPeerConnection = class extends Native {
            constructor(...args) {
              super(...args);
              window.__domainCallPeers.push(this);
            }
          };
          window.__cspViolations = [];
          document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
        })();
        """;

    private const string ReadBytes = """
        async () => {
          const bytes = { audioReceived: 0, videoReceived: 0, audioSent: 0, videoSent: 0 };
          for (const peer of window.__domainCallPeers) {
            if (peer.connectionState === 'closed') continue;
            const report = await peer.getStats();
            report.forEach(s => {
              if (s.type === 'inbound-rtp') bytes[s.kind + 'Received'] += s.bytesReceived ?? 0;
              if (s.type === 'outbound-rtp') bytes[s.kind + 'Sent'] += s.bytesSent ?? 0;
            });
          }
          return bytes;
        }
        """;

    public static Task<MediaBytes> BytesAsync(IPage page) => page.EvaluateAsync<MediaBytes>(ReadBytes);

    /// <summary>Waits until the <paramref name="kind"/> media the page received has grown twice in a row.</summary>
    public static async Task AssertReceivingAsync(IPage page, string kind)
    {
        var before = Received(await BytesAsync(page), kind);
        for (var grown = 0; grown < 2;)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            long now;
            do
            {
                await Task.Delay(250);
                now = Received(await BytesAsync(page), kind);
            }
            while (now <= before && DateTime.UtcNow < deadline);

            Assert.True(now > before, $"The page received no more {kind} bytes in 20 seconds (stuck at {now}).");
            before = now;
            grown++;
        }
    }

    public static Task<string[]> CspViolationsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => window.__cspViolations");

    private static long Received(MediaBytes bytes, string kind) =>
        kind == "audio" ? bytes.AudioReceived : bytes.VideoReceived;
}
