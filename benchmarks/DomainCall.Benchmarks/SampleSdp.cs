namespace DomainCall.Benchmarks;

/// <summary>
/// Session descriptions of the size a browser sends for a video call with a data channel: audio, video with
/// retransmission and several codecs, and SCTP, with trickle ICE so that no candidates are inline.
/// </summary>
internal static class SampleSdp
{
    private const string Fingerprint =
        "5B:1E:9C:44:A0:7F:3D:62:B8:0E:C1:9A:27:F4:6D:83:" +
        "10:5C:E2:7B:49:D6:A3:0F:8E:21:B5:C7:64:3A:F9:12";

    public static readonly string Offer = $"""
        v=0
        o=- 4611731400430051336 2 IN IP4 127.0.0.1
        s=-
        t=0 0
        a=group:BUNDLE 0 1 2
        a=extmap-allow-mixed
        a=msid-semantic: WMS 3c2b1f0e-7d6a-4e59-9b8c-1a2d3e4f5a6b
        m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
        c=IN IP4 0.0.0.0
        a=rtcp:9 IN IP4 0.0.0.0
        a=ice-ufrag:Vd3q
        a=ice-pwd:Qm8rT2xLw9ZpK4cN7bHs1yFj
        a=ice-options:trickle
        a=fingerprint:sha-256 {Fingerprint}
        a=setup:actpass
        a=mid:0
        a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
        a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
        a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
        a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
        a=sendrecv
        a=msid:3c2b1f0e-7d6a-4e59-9b8c-1a2d3e4f5a6b 8f0d2c6a-5b4e-4a39-8c7d-2e1f0a9b8c7d
        a=rtcp-mux
        a=rtcp-rsize
        a=rtpmap:111 opus/48000/2
        a=rtcp-fb:111 transport-cc
        a=fmtp:111 minptime=10;useinbandfec=1
        a=rtpmap:63 red/48000/2
        a=fmtp:63 111/111
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:13 CN/8000
        a=rtpmap:110 telephone-event/48000
        a=rtpmap:126 telephone-event/8000
        a=ssrc:2841095237 cname:kX7pQ2vR9tLm4sWz
        a=ssrc:2841095237 msid:3c2b1f0e-7d6a-4e59-9b8c-1a2d3e4f5a6b 8f0d2c6a-5b4e-4a39-8c7d-2e1f0a9b8c7d
        m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 106 107 127 125 98 99 112 113 114
        c=IN IP4 0.0.0.0
        a=rtcp:9 IN IP4 0.0.0.0
        a=ice-ufrag:Vd3q
        a=ice-pwd:Qm8rT2xLw9ZpK4cN7bHs1yFj
        a=ice-options:trickle
        a=fingerprint:sha-256 {Fingerprint}
        a=setup:actpass
        a=mid:1
        a=extmap:14 urn:ietf:params:rtp-hdrext:toffset
        a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
        a=extmap:13 urn:3gpp:video-orientation
        a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
        a=extmap:5 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay
        a=extmap:6 http://www.webrtc.org/experiments/rtp-hdrext/video-content-type
        a=extmap:7 http://www.webrtc.org/experiments/rtp-hdrext/video-timing
        a=extmap:8 http://www.webrtc.org/experiments/rtp-hdrext/color-space
        a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
        a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id
        a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id
        a=sendrecv
        a=msid:3c2b1f0e-7d6a-4e59-9b8c-1a2d3e4f5a6b 1a9e7c5b-3d2f-4b68-9e0a-7c6b5a4d3e2f
        a=rtcp-mux
        a=rtcp-rsize
        a=rtpmap:96 VP8/90000
        a=rtcp-fb:96 goog-remb
        a=rtcp-fb:96 transport-cc
        a=rtcp-fb:96 ccm fir
        a=rtcp-fb:96 nack
        a=rtcp-fb:96 nack pli
        a=rtpmap:97 rtx/90000
        a=fmtp:97 apt=96
        a=rtpmap:102 H264/90000
        a=rtcp-fb:102 goog-remb
        a=rtcp-fb:102 transport-cc
        a=rtcp-fb:102 ccm fir
        a=rtcp-fb:102 nack
        a=rtcp-fb:102 nack pli
        a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f
        a=rtpmap:103 rtx/90000
        a=fmtp:103 apt=102
        a=rtpmap:106 H264/90000
        a=rtcp-fb:106 goog-remb
        a=rtcp-fb:106 transport-cc
        a=rtcp-fb:106 ccm fir
        a=rtcp-fb:106 nack
        a=rtcp-fb:106 nack pli
        a=fmtp:106 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
        a=rtpmap:107 rtx/90000
        a=fmtp:107 apt=106
        a=rtpmap:127 H264/90000
        a=rtcp-fb:127 goog-remb
        a=rtcp-fb:127 transport-cc
        a=rtcp-fb:127 ccm fir
        a=rtcp-fb:127 nack
        a=rtcp-fb:127 nack pli
        a=fmtp:127 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f
        a=rtpmap:125 rtx/90000
        a=fmtp:125 apt=127
        a=rtpmap:98 VP9/90000
        a=rtcp-fb:98 goog-remb
        a=rtcp-fb:98 transport-cc
        a=rtcp-fb:98 ccm fir
        a=rtcp-fb:98 nack
        a=rtcp-fb:98 nack pli
        a=fmtp:98 profile-id=0
        a=rtpmap:99 rtx/90000
        a=fmtp:99 apt=98
        a=rtpmap:112 red/90000
        a=rtpmap:113 rtx/90000
        a=fmtp:113 apt=112
        a=rtpmap:114 ulpfec/90000
        a=ssrc-group:FID 1739257841 3015486201
        a=ssrc:1739257841 cname:kX7pQ2vR9tLm4sWz
        a=ssrc:1739257841 msid:3c2b1f0e-7d6a-4e59-9b8c-1a2d3e4f5a6b 1a9e7c5b-3d2f-4b68-9e0a-7c6b5a4d3e2f
        a=ssrc:3015486201 cname:kX7pQ2vR9tLm4sWz
        a=ssrc:3015486201 msid:3c2b1f0e-7d6a-4e59-9b8c-1a2d3e4f5a6b 1a9e7c5b-3d2f-4b68-9e0a-7c6b5a4d3e2f
        m=application 9 UDP/DTLS/SCTP webrtc-datachannel
        c=IN IP4 0.0.0.0
        a=ice-ufrag:Vd3q
        a=ice-pwd:Qm8rT2xLw9ZpK4cN7bHs1yFj
        a=ice-options:trickle
        a=fingerprint:sha-256 {Fingerprint}
        a=setup:actpass
        a=mid:2
        a=sctp-port:5000
        a=max-message-size:262144

        """.ReplaceLineEndings("\r\n");

    // An answer repeats the offer's media sections; only its role in the DTLS handshake differs for this purpose.
    public static readonly string Answer = Offer.Replace("a=setup:actpass", "a=setup:active", StringComparison.Ordinal);
}
