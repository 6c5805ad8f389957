namespace DomainCall.Tests.Engine;

/// <summary>Valid domain names of a chosen length, for the tests of the length limits.</summary>
internal static class DomainNames
{
    public const int MaxLabelLength = 63;

    /// <summary>Labels of at most 63 letters joined by dots, so that the name has exactly the given length.</summary>
    public static string OfLength(int length)
    {
        var labels = new List<string>();
        var remaining = length;
        while (remaining > MaxLabelLength)
        {
            var size = Math.Min(MaxLabelLength, remaining - 2);
            labels.Add(new string('a', size));
            remaining -= size + 1;
        }

        labels.Add(new string('b', remaining));
        return string.Join('.', labels);
    }
}
