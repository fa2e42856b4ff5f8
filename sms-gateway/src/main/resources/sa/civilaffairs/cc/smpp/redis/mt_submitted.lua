-- Records the outcome of submitting every part of a message and acknowledges its outbox entry.
-- KEYS[1] outbox stream. ARGV: now, group, entryId, id, to, mapTtlMs, then per part: outcome (S submitted,
-- U no response, F failed), SMSC ids (the id and its alternative forms, comma separated), error.
-- Receipts that arrived before this (stored by mt_receipt) are applied now. Returns {state, callback}.
local now, group, entry, id, to, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local key = P .. 'mt:' .. id
local i = 0
for a = 7, #ARGV, 3 do
  i = i + 1
  local outcome, ids, err = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  if outcome == 'S' then
    local primary = nil
    local early = nil
    for sid in string.gmatch(ids, '[^,]+') do
      primary = primary or sid
      redis.call('SET', P .. 'smsc:' .. sid, id .. '|' .. i, 'PX', ttl)
      local e = redis.call('GET', P .. 'dlr:' .. sid)
      if e then
        early = e
        redis.call('DEL', P .. 'dlr:' .. sid)
        redis.call('LREM', P .. 'dlr-by:' .. to, 1, sid)
      end
    end
    redis.call('HSET', key, 'part:' .. i, 'SUBMITTED', 'smsc:' .. i, primary)
    if early then
      local sep = string.find(early, '|', 1, true)
      redis.call('HSET', key, 'part:' .. i, string.sub(early, 1, sep - 1))
      if string.sub(early, 1, sep - 1) == 'FAILED' then
        redis.call('HSET', key, 'error', 'receipt part ' .. i .. ': ' .. string.sub(early, sep + 1))
      end
    end
  elseif outcome == 'U' then
    -- no submit_sm_resp: a receipt for this number that matched nothing is taken as this part's
    local sid = redis.call('LPOP', P .. 'dlr-by:' .. to)
    local e = sid and redis.call('GET', P .. 'dlr:' .. sid)
    if e then
      redis.call('DEL', P .. 'dlr:' .. sid)
      redis.call('SET', P .. 'smsc:' .. sid, id .. '|' .. i, 'PX', ttl)
      local sep = string.find(e, '|', 1, true)
      redis.call('HSET', key, 'part:' .. i, string.sub(e, 1, sep - 1), 'smsc:' .. i, sid)
      log(id, now, 'RECONCILED', 'part ' .. i .. ' from an earlier receipt')
    else
      redis.call('HSET', key, 'part:' .. i, 'UNKNOWN')
      redis.call('RPUSH', P .. 'unk:' .. to, id .. '|' .. i)
      redis.call('PEXPIRE', P .. 'unk:' .. to, ttl)
    end
  else
    redis.call('HSET', key, 'part:' .. i, 'FAILED', 'error', 'part ' .. i .. ': ' .. err)
  end
end
local state = settle(id, now, '')
redis.call('XACK', KEYS[1], group, entry)
return {state, redis.call('HGET', key, 'callback') or ''}
