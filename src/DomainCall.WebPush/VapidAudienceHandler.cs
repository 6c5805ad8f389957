using System.Net.Http.Headers;
using Lib.Net.Http.WebPush.Authentication;

namespace DomainCall.WebPush;

/// <summary>
/// Signs each push request's VAPID token for the push resource's origin, port included, as RFC 8292 asks.
/// Workaround: Lib.Net.Http.WebPush 3.3.1 leaves a non-default port out of the token's audience, so a push service
/// on such a port refuses the token.
/// </summary>
internal sealed class VapidAudienceHandler(VapidAuthentication vapid) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var origin = request.RequestUri!.GetLeftPart(UriPartial.Authority);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "vapid", vapid.GetVapidSchemeAuthenticationHeaderValueParameter(origin));
        return base.SendAsync(request, cancellationToken);
    }
}
