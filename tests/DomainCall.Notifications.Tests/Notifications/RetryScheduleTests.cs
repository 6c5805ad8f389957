namespace DomainCall.Notifications.Tests.Notifications;

public sealed class RetryScheduleTests
{
    private static readonly NotificationOptions Options = new();

    [Fact]
    public void Delay_EachFailure_DoublesTheWait()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), RetrySchedule.Delay(1, Options, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(20), RetrySchedule.Delay(2, Options, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(40), RetrySchedule.Delay(3, Options, 0.5));
    }

    [Fact]
    public void Delay_Jitter_SpreadsFromEightyToOneHundredTwentyPercent()
    {
        Assert.Equal(TimeSpan.FromSeconds(8), RetrySchedule.Delay(1, Options, 0));
        Assert.InRange(
            RetrySchedule.Delay(1, Options, 0.999999), TimeSpan.FromSeconds(11.999), TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void Delay_ManyFailures_StopsAtTheLongestWait()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), RetrySchedule.Delay(7, Options, 0.5));
        Assert.Equal(TimeSpan.FromMinutes(10), RetrySchedule.Delay(100, Options, 0.99));
    }
}
