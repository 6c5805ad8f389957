using System.Globalization;
using DomainCall.Benchmarks;

namespace DomainCall.LoadHarness;

/// <summary>
/// Makes the signals a caller sends, each carrying its sequence number, and reads the number back on arrival so
/// that the arrival can be matched with the moment of sending.
/// </summary>
internal static class Signals
{
    private const string CandidatePrefix = "candidate:1 1 udp 2122260223 127.0.0.1 ";
    private const string CandidateSuffix = " typ host";

    // In an offer the number takes the place of the sample's 19-digit session id on the o= line, written with as
    // many digits, so that every offer keeps the sample's length.
    private const string SessionIdFormat = "D19";
    private const int SessionIdLength = 19;

    private static readonly int SessionIdStart =
        SampleSdp.Offer.IndexOf("\no=- ", StringComparison.Ordinal) + "\no=- ".Length;

    public static int OfferLength => SampleSdp.Offer.Length;

    public static IceCandidateInit Candidate(int sequence) =>
        new(CandidatePrefix + sequence.ToString(CultureInfo.InvariantCulture) + CandidateSuffix, "0", 0, null);

    public static int SequenceOfCandidate(string candidate)
    {
        var length = candidate.IndexOf(CandidateSuffix, CandidatePrefix.Length, StringComparison.Ordinal)
            - CandidatePrefix.Length;
        return int.Parse(candidate.AsSpan(CandidatePrefix.Length, length), CultureInfo.InvariantCulture);
    }

    public static string Offer(int sequence)
    {
        var sample = SampleSdp.Offer.AsSpan();
        return string.Concat(
            sample[..SessionIdStart],
            sequence.ToString(SessionIdFormat, CultureInfo.InvariantCulture),
            sample[(SessionIdStart + SessionIdLength)..]);
    }

    public static int SequenceOfOffer(string sdp) =>
        int.Parse(sdp.AsSpan(SessionIdStart, SessionIdLength), CultureInfo.InvariantCulture);
}
