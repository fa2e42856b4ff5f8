-- Takes a batch of outbox entries before sending. KEYS[1] STOP set, KEYS[2..4] outbox streams (reply,
-- notification, bulk). ARGV[1] now, ARGV[2] group, ARGV[3] unknownTtlMs, ARGV[4] this gateway's consumer name (the
-- message's owner: only the owner may begin sending it), then per entry: id, to, lane (1-3),
-- streamEntryId, parts. Returns one letter per entry: Y send it (marked TAKEN; the sender marks SENDING just before
-- its first submit_sm), S suppressed (STOP), U was being sent by a gateway that stopped (marked UNKNOWN, not resent),
-- D already handled (acknowledged again).
local now, group, ttl, owner = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local out = {}
local n = 0
for a = 5, #ARGV, 5 do
  local id, to, lane, entry, parts = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2]), ARGV[a + 3], ARGV[a + 4]
  local key = P .. 'mt:' .. id
  local stream = KEYS[1 + lane]
  local state = redis.call('HGET', key, 'state')
  local r
  if state == false or state == 'QUEUED' or state == 'TAKEN' then
    if lane == 3 and redis.call('SISMEMBER', KEYS[1], to) == 1 then
      redis.call('HSET', key, 'state', 'SUPPRESSED', 'to', to, 'lane', lane, 'parts', parts, 'updated', now)
      log(id, now, 'SUPPRESSED', 'number sent STOP; bulk not sent')
      redis.call('XACK', stream, group, entry)
      r = 'S'
    else
      redis.call('HSET', key, 'state', 'TAKEN', 'owner', owner, 'to', to, 'lane', lane, 'parts', parts,
        'updated', now)
      r = 'Y'
    end
  elseif state == 'SENDING' then
    -- a gateway took it and stopped mid-send: parts may be on the phone already, so never resend
    for i = 1, tonumber(redis.call('HGET', key, 'parts') or parts) do
      if redis.call('HGET', key, 'part:' .. i) == false then
        redis.call('HSET', key, 'part:' .. i, 'UNKNOWN')
        redis.call('RPUSH', P .. 'unk:' .. to, id .. '|' .. i)
        redis.call('PEXPIRE', P .. 'unk:' .. to, ttl)
      end
    end
    settle(id, now, 'taken by a gateway that stopped mid-send; not resent')
    redis.call('XACK', stream, group, entry)
    r = 'U'
  else
    redis.call('XACK', stream, group, entry)
    r = 'D'
  end
  n = n + 1
  out[n] = r
end
return table.concat(out)
