using DomainCall.Availability;
using DomainCall.Engine;
using DomainCall.Storage;

namespace DomainCall.Tests.Storage;

/// <summary>
/// The complete custom store shown in docs/custom-store.md, kept here so that it compiles and passes the same checks
/// as the SQLite store. It keeps everything in memory: fine for a demo, not for production, where a confirmed
/// request must survive a restart.
/// </summary>
public sealed class InMemoryCallStore : ICallStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CallRecord> _calls = [];
    private readonly Dictionary<Domain, (GuestName Guest, DateTimeOffset? RemovedAt)> _guests = [];
    private readonly Dictionary<Domain, byte[]> _ownerKeys = [];
    private readonly Dictionary<Domain, DomainAccount> _accounts = [];
    private readonly Dictionary<string, MemberInvite> _invites = [];
    private readonly List<DomainMember> _members = [];
    private readonly Dictionary<Domain, OutOfOffice> _outOfOffice = [];

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AddCallAsync(CallRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add(record.Id, record);
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryMoveCallAsync(
        string callId,
        CallState target,
        DateTimeOffset at,
        CallEndReason? endReason,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // The check and the write happen under one lock: that is what makes the first answer win.
            if (!_calls.TryGetValue(callId, out var call) || !CallStates.CanMove(call.State, target))
            {
                return Task.FromResult(false);
            }

            _calls[callId] = target switch
            {
                CallState.Accepted => call with { State = target, AcceptedAt = at },
                CallState.Connected => call with { State = target, ConnectedAt = at },
                _ => call with { State = target, EndedAt = at, EndReason = endReason ?? call.EndReason },
            };
            return Task.FromResult(true);
        }
    }

    public Task<CallRecord?> FindCallAsync(string callId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_calls.GetValueOrDefault(callId));
        }
    }

    public Task<IReadOnlyList<CallRecord>> ListCallsAsync(
        Domain callee, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<CallRecord> calls =
                [.. _calls.Values.Where(c => c.Callee == callee).OrderByDescending(c => c.StartedAt).Take(limit)];
            return Task.FromResult(calls);
        }
    }

    public Task<bool> TryAddGuestNameAsync(GuestName guest, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A name stays taken while alive, until its records are removed, and for the cooldown after that.
            if (_guests.TryGetValue(guest.Name, out var holder)
                && (holder.RemovedAt is not { } removedAt || removedAt + cooldown > guest.CreatedAt))
            {
                return Task.FromResult(false);
            }

            _guests[guest.Name] = (guest, null);
            return Task.FromResult(true);
        }
    }

    public Task<GuestName?> FindGuestNameAsync(Domain name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(
                _guests.TryGetValue(name, out var held) && held.RemovedAt is null && held.Guest.ExpiresAt > now
                    ? held.Guest
                    : null);
        }
    }

    public Task<IReadOnlyList<GuestName>> ListPublishedGuestNamesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<GuestName>>(
                [.. _guests.Values.Where(held => held.RemovedAt is null).Select(held => held.Guest)]);
        }
    }

    public Task MarkGuestNameRemovedAsync(Domain name, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_guests.TryGetValue(name, out var held) && held.RemovedAt is null)
            {
                _guests[name] = (held.Guest, removedAt);
            }

            return Task.CompletedTask;
        }
    }

    public Task<bool> SaveDomainAccountAsync(DomainAccount account, bool create, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_accounts.ContainsKey(account.Domain) == create)
            {
                return Task.FromResult(false);
            }

            _accounts[account.Domain] = account;
            return Task.FromResult(true);
        }
    }

    public Task<DomainAccount?> FindDomainAccountAsync(Domain domain, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_accounts.GetValueOrDefault(domain));
        }
    }

    public Task<IReadOnlyList<DomainAccount>> ListVerifiedDomainAccountsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DomainAccount>>([.. _accounts.Values.Where(a => a.IsVerified)]);
        }
    }

    public Task<byte[]?> FindOwnerKeyHashAsync(Domain domain, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_ownerKeys.GetValueOrDefault(domain));
        }
    }

    public Task<bool> SaveOwnerKeyHashAsync(
        Domain domain, byte[] keyHash, bool replace, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!replace && _ownerKeys.ContainsKey(domain))
            {
                return Task.FromResult(false);
            }

            _ownerKeys[domain] = keyHash;
            return Task.FromResult(true);
        }
    }

    public Task AddInviteAsync(MemberInvite invite, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _invites.Add(Convert.ToHexString(invite.CodeHash), invite);
        }

        return Task.CompletedTask;
    }

    public Task<MemberInvite?> FindInviteAsync(byte[] codeHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_invites.GetValueOrDefault(Convert.ToHexString(codeHash)));
        }
    }

    public Task<int> RemoveUnusedInvitesAsync(Domain domain, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var unused = _invites.Where(i => i.Value.Domain == domain && i.Value.UsedAt is null).Select(i => i.Key)
                .ToList();
            unused.ForEach(key => _invites.Remove(key));
            return Task.FromResult(unused.Count);
        }
    }

    public Task<bool> TryUseInviteAsync(
        byte[] codeHash, DomainMember member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Checking that the code is unused and marking it used happen under one lock, so a code works once.
            var key = Convert.ToHexString(codeHash);
            if (!_invites.TryGetValue(key, out var invite) || invite.Domain != member.Domain
                || invite.UsedAt is not null || invite.ExpiresAt <= now)
            {
                return Task.FromResult(false);
            }

            _invites[key] = invite with { UsedAt = now };
            _members.Add(member);
            return Task.FromResult(true);
        }
    }

    public Task<DomainMember?> FindMemberAsync(Domain domain, string memberId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(
                _members.Find(m => m.Domain == domain && m.Id == memberId && m.RemovedAt is null));
        }
    }

    public Task<DomainMember?> FindMemberByKeyHashAsync(
        Domain domain, byte[] keyHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_members.Find(
                m => m.Domain == domain && m.KeyHash.AsSpan().SequenceEqual(keyHash) && m.RemovedAt is null));
        }
    }

    public Task<IReadOnlyList<DomainMember>> ListMembersAsync(Domain domain, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DomainMember>>(
                [.. _members.Where(m => m.Domain == domain && m.RemovedAt is null).OrderBy(m => m.CreatedAt)]);
        }
    }

    public Task<bool> RemoveMemberAsync(
        Domain domain, string memberId, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _members.FindIndex(m => m.Domain == domain && m.Id == memberId && m.RemovedAt is null);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _members[index] = _members[index] with { RemovedAt = removedAt };
            return Task.FromResult(true);
        }
    }
    public Task<OutOfOffice?> FindOutOfOfficeAsync(Domain domain, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_outOfOffice.GetValueOrDefault(domain));
        }
    }

    public Task SaveOutOfOfficeAsync(Domain domain, OutOfOffice? outOfOffice, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (outOfOffice is null)
            {
                _outOfOffice.Remove(domain);
            }
            else
            {
                _outOfOffice[domain] = outOfOffice;
            }
        }

        return Task.CompletedTask;
    }
}
