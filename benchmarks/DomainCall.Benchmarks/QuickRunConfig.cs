using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace DomainCall.Benchmarks;

/// <summary>
/// A run short enough for a small shared machine: one process per case, four warm-up and fifteen measured
/// iterations of a quarter second each. That tells nanoseconds from milliseconds with a steady median; it is not
/// meant to rank two implementations a few per cent apart.
/// </summary>
internal sealed class QuickRunConfig : ManualConfig
{
    public QuickRunConfig()
    {
        AddJob(Job.Default
            .WithId("Quick")
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(250)));
        AddColumn(StatisticColumn.Median);

        // The ratios span five orders of magnitude, which "12,345x faster" says better than "0.000".
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
