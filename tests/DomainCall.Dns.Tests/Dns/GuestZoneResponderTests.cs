using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using DomainCall.Dns.Tests.Servers;
using DomainCall.Engine;
using Microsoft.Extensions.Time.Testing;

namespace DomainCall.Dns.Tests.Dns;

/// <summary>The answers of the guest zone for queries that a real client rarely sends.</summary>
public sealed class GuestZoneResponderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly GuestRecordSet _records;
    private readonly GuestZoneResponder _responder;

    public GuestZoneResponderTests()
    {
        _records = new GuestRecordSet(_time);
        _responder = new GuestZoneResponder(
            _records, GuestZone.Create(Domain.Parse("guest.example.test"), new GuestDnsOptions()), _time);
    }

    [Fact]
    public void Respond_ClassOtherThanInternet_IsRefused()
    {
        var response = _responder.Respond(Query("guest.example.test", RecordType.Soa, RecordClass.Chaos));

        Assert.Equal(ReturnCode.Refused, response.ReturnCode);
    }

    [Fact]
    public void Respond_MixedCaseName_IsAnsweredInTheCaseAsked()
    {
        _records.Set(TestGuests.Record("swift-otter-42.guest.example.test", "code", _time.GetUtcNow().AddHours(1)));

        var response = _responder.Respond(Query("Swift-Otter-42.GUEST.example.test", RecordType.Txt));

        Assert.Equal(ReturnCode.NoError, response.ReturnCode);
        Assert.Equal("Swift-Otter-42.GUEST.example.test.", Assert.Single(response.AnswerRecords).Name.ToString());
    }

    [Fact]
    public void Respond_DeeperNameBelowAGuestName_IsNxDomain()
    {
        _records.Set(TestGuests.Record("swift-otter-42.guest.example.test", "code", _time.GetUtcNow().AddHours(1)));

        var response = _responder.Respond(Query("_x.swift-otter-42.guest.example.test", RecordType.Txt));

        Assert.Equal(ReturnCode.NxDomain, response.ReturnCode);
        Assert.IsType<SoaRecord>(Assert.Single(response.AuthorityRecords));
    }

    [Fact]
    public void Respond_SerialOfTheSoa_GrowsWithEveryChange()
    {
        var before = Serial();
        _records.Set(TestGuests.Record("a.guest.example.test", "code", _time.GetUtcNow().AddHours(1)));
        var afterSet = Serial();
        _records.Remove(Domain.Parse("a.guest.example.test"));

        Assert.True(afterSet > before);
        Assert.True(Serial() > afterSet);
    }

    [Fact]
    public void Register_NameTwoLabelsBelowTheZone_IsRefused()
    {
        var registrar = new EmbeddedGuestNameRegistrar(_records, Domain.Parse("guest.example.test"));
        var record = TestGuests.Record("a.b.guest.example.test", "code", _time.GetUtcNow().AddHours(1));

        Assert.Throws<ArgumentException>(() => registrar.RegisterAsync(record, CancellationToken.None).Wait());
    }

    private uint Serial() =>
        ((SoaRecord)_responder.Respond(Query("guest.example.test", RecordType.Soa)).AnswerRecords[0]).SerialNumber;

    private static DnsMessage Query(string name, RecordType type, RecordClass recordClass = RecordClass.INet)
    {
        var query = new DnsMessage { TransactionID = 7 };
        query.Questions.Add(new DnsQuestion(DomainName.Parse(name), type, recordClass));
        return query;
    }
}
