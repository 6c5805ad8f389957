using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using DomainCall.Engine;

namespace DomainCall.Dns;

/// <summary>
/// Answers DNS queries for the guest zone as its authoritative server: TXT, A and AAAA for guest names that have not
/// expired, SOA and NS at the apex, NXDOMAIN with the SOA for every other name in the zone, and REFUSED for names
/// outside it.
/// </summary>
internal sealed class GuestZoneResponder
{
    private readonly GuestRecordSet _records;
    private readonly GuestZone _zone;
    private readonly TimeProvider _time;

    public GuestZoneResponder(GuestRecordSet records, GuestZone zone, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(time);

        _records = records;
        _zone = zone;
        _time = time;
    }

    public DnsMessage Respond(DnsMessage query)
    {
        ArgumentNullException.ThrowIfNull(query);

        var response = query.CreateResponseInstance();
        if (query.OperationCode != OperationCode.Query)
        {
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }

        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        var question = query.Questions[0];
        if (question.RecordClass is not (RecordClass.INet or RecordClass.Any)
            || !question.Name.IsEqualOrSubDomainOf(_zone.ApexName))
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        response.IsAuthoritiveAnswer = true;
        if (!Answer(question, response.AnswerRecords))
        {
            response.ReturnCode = ReturnCode.NxDomain;
        }

        if (response.AnswerRecords.Count == 0)
        {
            // Resolvers take the SOA in the authority section as the time they may remember the negative answer.
            response.AuthorityRecords.Add(_zone.Soa(_records.Serial));
        }

        return response;
    }

    /// <summary>Adds the records that answer <paramref name="question"/>.</summary>
    /// <returns><see langword="false"/> when the name does not exist.</returns>
    private bool Answer(DnsQuestion question, List<DnsRecordBase> answers)
    {
        var type = question.RecordType;
        if (question.Name.Equals(_zone.ApexName))
        {
            if (type is RecordType.Soa or RecordType.Any)
            {
                answers.Add(_zone.Soa(_records.Serial));
            }

            if (type is RecordType.Ns or RecordType.Any)
            {
                answers.Add(_zone.Ns());
            }

            return true;
        }

        if (question.Name.Equals(_zone.NameServer) && _zone.NameServerAddress is { } glue)
        {
            AddAddress(answers, question, type, glue, _zone.RecordTtlSeconds);
            return true;
        }

        var now = _time.GetUtcNow();
        if (!Domain.TryParse(string.Join('.', question.Name.Labels), out var name)
            || _records.Find(name, now) is not { } record)
        {
            return false;
        }

        var ttl = _zone.TtlUntil(record.ExpiresAt, now);
        if (type is RecordType.Txt or RecordType.Any)
        {
            answers.Add(new TxtRecord(question.Name, ttl, record.TxtValue));
        }

        if (record.Address is { } address)
        {
            AddAddress(answers, question, type, address, ttl);
        }

        return true;
    }

    private static void AddAddress(
        List<DnsRecordBase> answers, DnsQuestion question, RecordType type, System.Net.IPAddress address, int ttl)
    {
        var isV4 = address.AddressFamily == AddressFamily.InterNetwork;
        if (isV4 && type is RecordType.A or RecordType.Any)
        {
            answers.Add(new ARecord(question.Name, ttl, address));
        }
        else if (!isV4 && type is RecordType.Aaaa or RecordType.Any)
        {
            answers.Add(new AaaaRecord(question.Name, ttl, address));
        }
    }
}
