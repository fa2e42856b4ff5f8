-- Shared by the inbound scripts: is a deliver_sm whose copy was stored before a retransmission by the SMSC, or a
-- citizen sending the same thing again? A copy marker (a hash, TTL = the dedupe window) describes the last copy
-- received (stored, or recognised as resent): s = the SMPP session it came on, t = when (Redis TIME, ms), d = '1' when
-- our deliver_sm_resp for it may have reached the SMSC late. ARGV[1] windowMs, ARGV[2] echoMs, ARGV[3] this copy's
-- session id, ARGV[4] '1' when the SMSC gave the message an id (exact dedupe), ARGV[5] '1' when this copy is already
-- late before it is stored.
-- An SMSC resends only a deliver_sm whose resp it did not get: the link dropped (the copy comes on another session),
-- or the resp was late (we know when we were slow), or the SMSC gave up quickly (within the echo window). Anything
-- else with the same fingerprint is the citizen sending the same text again, a new message. After a retransmission the
-- marker moves to its session: a copy resent on a new session is answered there, so the citizen repeating himself
-- later on that session is heard.
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function is_retransmission(marker, now)
  local m = redis.call('HMGET', marker, 's', 't', 'd')
  if not m[2] then
    return false
  end
  if ARGV[4] == '1' or m[3] == '1' then
    return true
  end
  if now - tonumber(m[2]) < tonumber(ARGV[2]) then
    return true
  end
  return m[1] ~= ARGV[3]
end

local function mark(marker, now)
  redis.call('HSET', marker, 's', ARGV[3], 't', now, 'd', ARGV[5])
  redis.call('PEXPIRE', marker, ARGV[1])
end
