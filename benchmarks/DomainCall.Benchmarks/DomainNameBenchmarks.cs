using BenchmarkDotNet.Attributes;
using DomainCall.Engine;

namespace DomainCall.Benchmarks;

/// <summary>
/// Domain names, which every request names: parsing what a person typed, in ASCII and in Unicode, and making a
/// guest name.
/// </summary>
[Config(typeof(QuickRunConfig))]
[MemoryDiagnoser]
public class DomainNameBenchmarks
{
    private readonly GuestNameGenerator _guestNames = new(Domain.Parse("guest.example.com"));

    [Benchmark(Baseline = true)]
    public Domain ParseAscii() => Domain.Parse("Shop.Example.COM.");

    [Benchmark]
    public Domain ParseUnicode() => Domain.Parse("bücher.beispiel.de");

    [Benchmark]
    public Domain NextGuestName() => _guestNames.Next();
}
